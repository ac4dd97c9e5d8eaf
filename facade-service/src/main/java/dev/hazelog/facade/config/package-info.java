@NullMarked
package dev.hazelog.facade.config;

import org.jspecify.annotations.NullMarked;
