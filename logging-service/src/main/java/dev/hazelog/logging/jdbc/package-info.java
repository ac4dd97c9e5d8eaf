/** The database adapter: the table behind the map {@code messages}, its migrations and its reads in order. */
@NullMarked
package dev.hazelog.logging.jdbc;

import org.jspecify.annotations.NullMarked;
