@NullMarked
package dev.hazelog.logging.domain;

import org.jspecify.annotations.NullMarked;
