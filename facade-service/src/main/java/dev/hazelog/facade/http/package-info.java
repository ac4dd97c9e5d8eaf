@NullMarked
package dev.hazelog.facade.http;

import org.jspecify.annotations.NullMarked;
