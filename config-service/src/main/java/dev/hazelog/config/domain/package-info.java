@NullMarked
package dev.hazelog.config.domain;

import org.jspecify.annotations.NullMarked;
