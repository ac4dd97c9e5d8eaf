@NullMarked
package dev.hazelog.shared.http;

import org.jspecify.annotations.NullMarked;
