package io.nativerollups.evm.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nativerollups.evm.rlp.Rlp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionWitnessTest {
  private static final ExecutionWitness SAMPLE = new ExecutionWitness(
      List.of(new byte[] {1, 2, 3}, new byte[40]), List.of(new byte[] {0x60, 0x00}), List.of(new byte[] {(byte) 0xc0}));

  @Test
  void encodingRoundTripsAndIsAListOfThreeLists() throws Exception {
    byte[] encoded = SAMPLE.encode();
    assertArrayEquals(Rlp.encodeList(
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {1, 2, 3}), Rlp.encodeBytes(new byte[40])),
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x60, 0x00})),
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {(byte) 0xc0}))), encoded);
    ExecutionWitness decoded = ExecutionWitness.decode(encoded);
    assertEquals(2, decoded.state().size());
    assertArrayEquals(new byte[40], decoded.state().get(1));
    assertArrayEquals(encoded, decoded.encode());
    assertEquals(3 + 40 + 2 + 1, decoded.contentSize());
  }

  @Test
  void decodesFromAnRlpItemInsideALargerStructure() throws Exception {
    byte[] input = Rlp.encodeList(Rlp.encodeLong(1), SAMPLE.encode());
    ExecutionWitness w = ExecutionWitness.decode(Rlp.decode(input).items().get(1));
    assertArrayEquals(SAMPLE.encode(), w.encode());
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class,
        () -> ExecutionWitness.decode(Rlp.decode(input).items().get(0)));
    assertTrue(e.getMessage().contains("must be an RLP list"), e.getMessage());
  }

  @Test
  void emptyWitnessDecodes() throws Exception {
    ExecutionWitness w = ExecutionWitness.decode(Rlp.encodeList(Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST));
    assertTrue(w.state().isEmpty() && w.codes().isEmpty() && w.headers().isEmpty());
  }

  @Test
  void malformedRlpIsRejected() {
    byte[] encoded = SAMPLE.encode();
    byte[] truncated = java.util.Arrays.copyOf(encoded, encoded.length - 1);
    assertRejected(truncated, "not well-formed RLP");
    byte[] trailing = java.util.Arrays.copyOf(encoded, encoded.length + 1);
    assertRejected(trailing, "not well-formed RLP");
    assertRejected(new byte[0], "not well-formed RLP");
  }

  @Test
  void wrongShapeIsRejected() {
    assertRejected(Rlp.encodeBytes(new byte[] {1}), "must be an RLP list");
    assertRejected(Rlp.encodeList(Rlp.EMPTY_LIST, Rlp.EMPTY_LIST), "must be an RLP list");
    assertRejected(Rlp.encodeList(Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.EMPTY_LIST), "must be an RLP list");
    assertRejected(Rlp.encodeList(Rlp.encodeBytes(new byte[] {1}), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST),
        "state must be a list");
    assertRejected(Rlp.encodeList(Rlp.EMPTY_LIST, Rlp.encodeList(Rlp.EMPTY_LIST), Rlp.EMPTY_LIST),
        "codes entry 0 is a list");
    assertRejected(Rlp.encodeList(Rlp.EMPTY_LIST, Rlp.EMPTY_LIST, Rlp.encodeList(Rlp.EMPTY_STRING)),
        "headers entry 0 is empty");
  }

  @Test
  void encodingOverTheSizeLimitIsRejectedBeforeDecoding() throws Exception {
    byte[] encoded = SAMPLE.encode();
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class,
        () -> ExecutionWitness.decode(encoded, encoded.length - 1));
    assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    assertEquals(2, ExecutionWitness.decode(encoded, encoded.length).state().size());
  }

  private static void assertRejected(byte[] encoded, String reason) {
    InvalidWitnessException e = assertThrows(InvalidWitnessException.class, () -> ExecutionWitness.decode(encoded));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
