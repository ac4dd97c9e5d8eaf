@NullMarked
package dev.hazelog.config.http;

import org.jspecify.annotations.NullMarked;
