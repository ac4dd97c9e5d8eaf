/** Calls out: the facade's clients of the config, logging and messages services, behind the domain's gateways. */
@NullMarked
package dev.hazelog.facade.client;

import org.jspecify.annotations.NullMarked;
