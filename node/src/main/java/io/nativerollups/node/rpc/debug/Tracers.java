package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The tracers debug_trace* offers by name; without a name, the struct logger. */
final class Tracers {
  /** The named tracers served. */
  static final List<String> NAMES = List.of("callTracer", "prestateTracer");

  private Tracers() {}

  /**
   * Makes fresh tracers (one per transaction) for {@code options}, checking the name and reading
   * the tracerConfig once, here.
   *
   * @throws IllegalArgumentException for an unknown tracer or a bad tracerConfig
   */
  static Supplier<JsonTracer> forOptions(TraceOptions options) {
    if (options.tracer() == null) {
      return () -> new StructLogger(options);
    }
    Function<JsonNode, Supplier<JsonTracer>> configured = switch (options.tracer()) {
      case "callTracer" -> CallTracer::configured;
      case "prestateTracer" -> PrestateTracer::configured;
      default -> throw new IllegalArgumentException("tracer \"" + options.tracer()
          + "\" not found; available: " + String.join(", ", NAMES) + ", or none for the struct logger");
    };
    try {
      return configured.apply(options.tracerConfig());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tracerConfig: " + e.getMessage(), e);
    }
  }
}
