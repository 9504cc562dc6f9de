package io.nativerollups.evm.vm;

import io.nativerollups.evm.types.Address;
import io.nativerollups.evm.types.UInt256;
import java.util.Arrays;

/**
 * One call frame: a primitive stack of 256-bit words (four longs per word, least significant limb
 * first, word {@code i} at index {@code 4*i}), byte-addressed memory, program counter, gas and the
 * message's parameters. Operations work on the public fields directly so that the interpreter loop
 * allocates nothing.
 */
public final class MessageFrame {
  /** EVM stack limit in words. */
  public static final int MAX_STACK = 1024;
  /**
   * Memory beyond 1 GiB would cost over 2^41 gas, more than any transaction can pay; offsets and
   * sizes reaching it run out of gas without allocating.
   */
  static final long MAX_MEMORY_BYTES = 1L << 30;
  private static final byte[] EMPTY = new byte[0];

  /** Stack words, 4 limbs each; shared with later frames at the same depth, valid below {@link #sp}. */
  public final long[] stack;
  /** Number of words on the stack. */
  public int sp;
  /** Program counter. */
  public int pc;
  public long gasRemaining;
  public FrameState state = FrameState.RUNNING;
  /** Why the frame halted exceptionally, for diagnostics. */
  public String haltReason;
  /**
   * The gas left when the frame halted, less the charge it could not pay (negative then): what a
   * tracer reports the failing instruction cost, as geth does.
   */
  long gasLeftAtHalt;

  private byte[] memory = EMPTY;
  private long memoryWords;

  private final ExecutionContext context;
  private final Code code;
  private final Address recipient;
  private final Address sender;
  private final UInt256 value;
  private final byte[] input;
  private final boolean isStatic;
  private final int depth;
  /** Output of the latest sub-call or creation (RETURNDATASIZE/RETURNDATACOPY). */
  public byte[] returnData = EMPTY;
  /** RETURN or REVERT data of this frame. */
  public byte[] output = EMPTY;

  public MessageFrame(
      ExecutionContext context,
      Code code,
      Address recipient,
      Address sender,
      UInt256 value,
      byte[] input,
      long gas,
      boolean isStatic,
      int depth) {
    this.context = context;
    this.stack = context.stackForDepth(depth);
    this.code = code;
    this.recipient = recipient;
    this.sender = sender;
    this.value = value;
    this.input = input;
    this.gasRemaining = gas;
    this.isStatic = isStatic;
    this.depth = depth;
  }

  public ExecutionContext context() {
    return context;
  }

  public Code code() {
    return code;
  }

  /** The account whose storage and balance this frame acts on (ADDRESS). */
  public Address recipient() {
    return recipient;
  }

  /** CALLER. */
  public Address sender() {
    return sender;
  }

  /** CALLVALUE (the apparent value for DELEGATECALL). */
  public UInt256 value() {
    return value;
  }

  public byte[] input() {
    return input;
  }

  public boolean isStatic() {
    return isStatic;
  }

  public int depth() {
    return depth;
  }

  // ---- halting ----

  /** Halts exceptionally: the frame's gas is consumed and its changes will be undone. */
  public void halt(String reason) {
    state = FrameState.EXCEPTIONAL_HALT;
    haltReason = reason;
    gasLeftAtHalt = gasRemaining;
    gasRemaining = 0;
  }

  /** Charges {@code cost}; halts with out-of-gas and returns false if not enough gas is left. */
  public boolean consumeGas(long cost) {
    if (cost > gasRemaining || cost < 0) {
      long shortOf = cost < 0 ? 0 : gasRemaining - cost;
      halt("out of gas");
      gasLeftAtHalt = shortOf;
      return false;
    }
    gasRemaining -= cost;
    return true;
  }

  // ---- stack ----

  /** Index of the least significant limb of the word {@code n} places below the top (0 = top). */
  public int base(int n) {
    return (sp - 1 - n) << 2;
  }

  public void pushLong(long v) {
    int b = sp++ << 2;
    stack[b] = v;
    stack[b + 1] = 0;
    stack[b + 2] = 0;
    stack[b + 3] = 0;
  }

  public void pushBoolean(boolean v) {
    pushLong(v ? 1 : 0);
  }

  public void pushUInt256(UInt256 v) {
    int b = sp++ << 2;
    stack[b] = v.limb0();
    stack[b + 1] = v.limb1();
    stack[b + 2] = v.limb2();
    stack[b + 3] = v.limb3();
  }

  public void pushAddress(Address a) {
    int b = sp++ << 2;
    long hi = 0;
    for (int i = 0; i < 4; i++) {
      hi = (hi << 8) | (a.get(i) & 0xFF);
    }
    long mid = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      mid = (mid << 8) | (a.get(4 + i) & 0xFF);
      lo = (lo << 8) | (a.get(12 + i) & 0xFF);
    }
    stack[b] = lo;
    stack[b + 1] = mid;
    stack[b + 2] = hi;
    stack[b + 3] = 0;
  }

  /** Pushes {@code len} (at most 32) big-endian bytes starting at {@code off}, zero-extended on the left. */
  public void pushBytes(byte[] src, int off, int len) {
    int b = sp++ << 2;
    stack[b] = 0;
    stack[b + 1] = 0;
    stack[b + 2] = 0;
    stack[b + 3] = 0;
    for (int i = 0; i < len; i++) {
      int bitPos = 8 * (len - 1 - i);
      stack[b + (bitPos >>> 6)] |= (src[off + i] & 0xFFL) << (bitPos & 63);
    }
  }

  /** Pushes the 32 bytes of {@code src} at {@code off}, reading zeros past its end (CALLDATALOAD). */
  public void pushPadded(byte[] src, long off) {
    if (off <= src.length - 32) {
      pushBytes(src, (int) off, 32);
      return;
    }
    pushLong(0);
    if (off >= src.length) {
      return;
    }
    int b = (sp - 1) << 2;
    int start = (int) off;
    for (int i = 0; start + i < src.length; i++) {
      int bitPos = 8 * (31 - i);
      stack[b + (bitPos >>> 6)] |= (src[start + i] & 0xFFL) << (bitPos & 63);
    }
  }

  public UInt256 popUInt256() {
    int b = --sp << 2;
    return UInt256.of(stack[b + 3], stack[b + 2], stack[b + 1], stack[b]);
  }

  /** Pops a word and keeps its low 160 bits as an address. */
  public Address popAddress() {
    int b = --sp << 2;
    byte[] a = new byte[Address.SIZE];
    putLong(a, 12, stack[b]);
    putLong(a, 4, stack[b + 1]);
    long hi = stack[b + 2];
    for (int i = 0; i < 4; i++) {
      a[3 - i] = (byte) (hi >>> (8 * i));
    }
    return Address.wrap(a);
  }

  /** Pops a word as a memory offset or size; values of 2^32 or more come back as {@code Long.MAX_VALUE}. */
  public long popClamped() {
    int b = --sp << 2;
    return clamp(b);
  }

  /** The word at stack index {@code b} as a non-negative long, saturating at {@code Long.MAX_VALUE}. */
  public long clamp(int b) {
    if ((stack[b + 1] | stack[b + 2] | stack[b + 3]) != 0 || stack[b] < 0) {
      return Long.MAX_VALUE;
    }
    return stack[b];
  }

  public boolean popIsZero() {
    int b = --sp << 2;
    return (stack[b] | stack[b + 1] | stack[b + 2] | stack[b + 3]) == 0;
  }

  /** Writes the word at stack index {@code b} as 32 big-endian bytes into {@code dst} at {@code off}. */
  public void writeWord(int b, byte[] dst, int off) {
    putLong(dst, off, stack[b + 3]);
    putLong(dst, off + 8, stack[b + 2]);
    putLong(dst, off + 16, stack[b + 1]);
    putLong(dst, off + 24, stack[b]);
  }

  private static void putLong(byte[] dst, int off, long v) {
    for (int i = 0; i < 8; i++) {
      dst[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  // ---- memory ----

  /** Current memory size in bytes (MSIZE), a multiple of 32. */
  public long memorySize() {
    return memoryWords << 5;
  }

  /** The memory array; valid up to {@link #memorySize()}. */
  public byte[] memory() {
    return memory;
  }

  /**
   * Grows memory to cover {@code [offset, offset + size)} and charges the expansion gas. A zero size
   * never expands. Returns false (frame halted out of gas) if unaffordable.
   */
  public boolean expandMemory(long offset, long size) {
    if (size == 0) {
      return true;
    }
    if (offset >= MAX_MEMORY_BYTES || size >= MAX_MEMORY_BYTES || offset + size > MAX_MEMORY_BYTES) {
      halt("out of gas: memory");
      return false;
    }
    long newWords = (offset + size + 31) >>> 5;
    if (newWords <= memoryWords) {
      return true;
    }
    long cost = context.evm().gasCalculator().memoryExpansionGasCost(memoryWords, newWords);
    if (!consumeGas(cost)) {
      return false;
    }
    int newBytes = (int) (newWords << 5);
    if (newBytes > memory.length) {
      memory = Arrays.copyOf(memory, (int) Math.min(MAX_MEMORY_BYTES, Math.max(newBytes, memory.length * 2L)));
    }
    memoryWords = newWords;
    return true;
  }

  /** Expands for both regions (as CALL does for input and output); false if out of gas. */
  public boolean expandMemory(long off1, long size1, long off2, long size2) {
    long end1 = size1 == 0 ? 0 : saturatingAdd(off1, size1);
    long end2 = size2 == 0 ? 0 : saturatingAdd(off2, size2);
    if (end1 >= end2) {
      return size1 == 0 || expandMemory(off1, size1);
    }
    return expandMemory(off2, size2);
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** A copy of {@code size} bytes of memory at {@code offset}; the region must already be expanded. */
  public byte[] readMemory(long offset, long size) {
    if (size == 0) {
      return EMPTY;
    }
    return Arrays.copyOfRange(memory, (int) offset, (int) (offset + size));
  }

  /**
   * Copies {@code size} bytes from {@code src} at {@code srcOffset} into memory at {@code offset},
   * filling with zeros where the source runs out. The region must already be expanded.
   */
  public void writeMemory(long offset, byte[] src, long srcOffset, long size) {
    if (size == 0) {
      return;
    }
    int dst = (int) offset;
    int n = (int) size;
    long available = srcOffset >= src.length ? 0 : Math.min(n, src.length - srcOffset);
    if (available > 0) {
      System.arraycopy(src, (int) srcOffset, memory, dst, (int) available);
    }
    if (available < n) {
      Arrays.fill(memory, dst + (int) available, dst + n, (byte) 0);
    }
  }
}
