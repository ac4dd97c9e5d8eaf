@NullMarked
package dev.hazelog.logging.http;

import org.jspecify.annotations.NullMarked;
