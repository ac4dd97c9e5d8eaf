/** Concurrency helpers that more than one service uses, with no knowledge of what they carry. */
@NullMarked
package dev.hazelog.shared.concurrent;

import org.jspecify.annotations.NullMarked;
