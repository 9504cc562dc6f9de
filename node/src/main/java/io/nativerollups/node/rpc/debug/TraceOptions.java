package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.node.rpc.RpcObject;
import io.nativerollups.node.rpc.eth.BlockOverrides;
import io.nativerollups.node.rpc.eth.StateOverrides;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TraceConfig object of the debug_trace* methods (execution-apis schemas/opcode-tracer.yaml):
 * which tracer, its tracerConfig, the timeout (a Go duration string, geth's default 5s), the struct
 * logger's switches, and, for debug_traceCall, the state and block overrides. As in geth, fields it does not
 * know are ignored; a known field of the wrong type is an error.
 *
 * @param tracer the named tracer, or null for the struct (opcode) logger
 * @param tracerConfig the named tracer's configuration object, or null
 */
public record TraceOptions(
    String tracer,
    JsonNode tracerConfig,
    Duration timeout,
    boolean disableStack,
    boolean disableStorage,
    boolean enableMemory,
    boolean enableReturnData,
    int limit,
    StateOverrides stateOverrides,
    BlockOverrides blockOverrides) {
  /** geth's default trace timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** No options: the struct logger with its defaults. */
  public static final TraceOptions DEFAULTS =
      new TraceOptions(null, null, DEFAULT_TIMEOUT, false, false, false, false, 0, StateOverrides.NONE,
          BlockOverrides.NONE);

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

  /** Parses a TraceConfig; the {@link IllegalArgumentException} names the field at fault. */
  public static TraceOptions parse(JsonNode node) {
    RpcObject o = new RpcObject(node);
    String tracer = o.optional("tracer", RpcObject::toText);
    JsonNode tracerConfig = o.raw("tracerConfig");
    if (tracerConfig != null && !tracerConfig.isObject()) {
      throw new IllegalArgumentException("field \"tracerConfig\": expected an object");
    }
    String timeout = o.optional("timeout", RpcObject::toText);
    Long limit = o.optional("limit", TraceOptions::nonNegativeInt);
    StateOverrides overrides = o.optional("stateOverrides", StateOverrides::parse);
    BlockOverrides blockOverrides = o.optional("blockOverrides", BlockOverrides::parse);
    return new TraceOptions(
        tracer == null || tracer.isEmpty() ? null : tracer,
        tracerConfig,
        timeout == null ? DEFAULT_TIMEOUT : parseTimeout(timeout),
        flag(o, "disableStack"),
        flag(o, "disableStorage"),
        flag(o, "enableMemory"),
        flag(o, "enableReturnData"),
        limit == null ? 0 : limit.intValue(),
        overrides == null ? StateOverrides.NONE : overrides,
        blockOverrides == null ? BlockOverrides.NONE : blockOverrides);
  }

  /** A boolean field of a TraceConfig or tracerConfig: false when not given. */
  static boolean flag(RpcObject o, String name) {
    Boolean value = o.optional(name, RpcObject::toBoolean);
    return value != null && value;
  }

  private static Long nonNegativeInt(JsonNode n) {
    if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
      throw new IllegalArgumentException("expected a non-negative integer, got " + RpcObject.describe(n));
    }
    return n.asLong();
  }

  /** A Go duration ("5s", "300ms", "1m30s", "1.5h"); it must be positive. */
  static Duration parseTimeout(String text) {
    Matcher m = DURATION_PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      BigDecimal unit = switch (m.group(2)) {
        case "ns" -> BigDecimal.ONE;
        case "us", "µs", "μs" -> BigDecimal.valueOf(1_000);
        case "ms" -> BigDecimal.valueOf(1_000_000);
        case "s" -> BigDecimal.valueOf(1_000_000_000L);
        case "m" -> BigDecimal.valueOf(60_000_000_000L);
        default -> BigDecimal.valueOf(3_600_000_000_000L);
      };
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("field \"timeout\": invalid duration \"" + text + "\"");
    }
    if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("field \"timeout\": duration \"" + text + "\" out of range");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
