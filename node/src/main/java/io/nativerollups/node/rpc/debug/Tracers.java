package io.nativerollups.node.rpc.debug;

import java.util.List;
import java.util.function.Supplier;

/** The tracers debug_trace* offers by name; without a name, the struct logger. */
final class Tracers {
  /** The named tracers served. */
  static final List<String> NAMES = List.of("callTracer", "prestateTracer");

  private Tracers() {}

  /**
   * Makes fresh tracers (one per transaction) for {@code options}, checking the name and the
   * tracerConfig at once.
   *
   * @throws IllegalArgumentException for an unknown tracer or a bad tracerConfig
   */
  static Supplier<JsonTracer> forOptions(TraceOptions options) {
    Supplier<JsonTracer> tracers;
    if (options.tracer() == null) {
      tracers = () -> new StructLogger(options);
    } else {
      tracers = switch (options.tracer()) {
        case "callTracer" -> () -> CallTracer.configured(options.tracerConfig());
        case "prestateTracer" -> () -> PrestateTracer.configured(options.tracerConfig());
        default -> throw new IllegalArgumentException("tracer \"" + options.tracer()
            + "\" not found; available: " + String.join(", ", NAMES) + ", or none for the struct logger");
      };
    }
    try {
      tracers.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tracerConfig: " + e.getMessage(), e);
    }
    return tracers;
  }
}
