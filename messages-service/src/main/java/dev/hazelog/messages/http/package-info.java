@NullMarked
package dev.hazelog.messages.http;

import org.jspecify.annotations.NullMarked;
