package io.nativerollups.evm.tx;

/** The EIP-2718 transaction types this EVM accepts. */
public enum TransactionType {
  LEGACY(0),
  ACCESS_LIST(1),
  EIP1559(2),
  BLOB(3),
  SET_CODE(4);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  public int typeByte() {
    return typeByte;
  }

  public static TransactionType of(int typeByte) {
    for (TransactionType t : values()) {
      if (t.typeByte == typeByte) {
        return t;
      }
    }
    throw new IllegalArgumentException("unsupported transaction type 0x" + Integer.toHexString(typeByte));
  }
}
