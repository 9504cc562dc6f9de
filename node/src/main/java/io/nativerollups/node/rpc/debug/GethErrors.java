package io.nativerollups.node.rpc.debug;

/**
 * Our interpreter's halt reasons in the words geth's tracers report, which explorers and tools
 * match on ("out of gas", "execution reverted", "write protection"...). Reasons geth words the
 * same way, or has no counterpart for, pass through.
 */
final class GethErrors {
  private GethErrors() {}

  static String of(String reason) {
    if (reason == null) {
      return null;
    }
    if (reason.startsWith("out of gas") || reason.equals("precompile out of gas")) {
      return "out of gas";
    }
    if (reason.endsWith("in static context")) {
      return "write protection";
    }
    if (reason.startsWith("invalid opcode 0x")) {
      int opcode = Integer.parseInt(reason.substring("invalid opcode 0x".length()), 16);
      return opcode == 0xfe ? "invalid opcode: INVALID"
          : String.format("invalid opcode: opcode 0x%x not defined", opcode);
    }
    return switch (reason) {
      case "code size limit exceeded" -> "max code size exceeded";
      case "code starts with 0xEF" -> "invalid code: must not begin with 0xef";
      case "initcode size limit exceeded" -> "max initcode size exceeded";
      default -> reason;
    };
  }
}
