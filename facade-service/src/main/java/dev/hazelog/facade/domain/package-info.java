@NullMarked
package dev.hazelog.facade.domain;

import org.jspecify.annotations.NullMarked;
