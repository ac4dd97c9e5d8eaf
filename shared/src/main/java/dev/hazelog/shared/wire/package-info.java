/**
 * The JSON bodies that cross from one Hazelog service to another. Field names follow the original system, so its
 * clients keep working.
 */
@NullMarked
package dev.hazelog.shared.wire;

import org.jspecify.annotations.NullMarked;
