/** A floor for the benchmarks: the least a service can do per message on the machine that runs Hazelog. */
@NullMarked
package dev.hazelog.floor;

import org.jspecify.annotations.NullMarked;
