package dev.hazelog.facade.http;

import org.jspecify.annotations.Nullable;

/** {@code {"msg": "..."}}, the body of both POST routes. */
record SendRequest(@Nullable String msg) {}
