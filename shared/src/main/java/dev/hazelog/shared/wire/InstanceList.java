package dev.hazelog.shared.wire;

import java.util.List;

/** Answer of the config service's {@code GET /instances}: every instance with its health. */
public record InstanceList(List<InstanceStatus> instances) {}
