@NullMarked
package dev.hazelog.logging.config;

import org.jspecify.annotations.NullMarked;
