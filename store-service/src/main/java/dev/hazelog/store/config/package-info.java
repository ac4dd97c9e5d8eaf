/** The database server, its properties and its health. */
@NullMarked
package dev.hazelog.store.config;

import org.jspecify.annotations.NullMarked;
