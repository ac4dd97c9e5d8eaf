@NullMarked
package dev.hazelog.config.config;

import org.jspecify.annotations.NullMarked;
