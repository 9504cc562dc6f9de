package io.nativerollups.evm.tx;

import static io.nativerollups.evm.tx.TestTransactions.hex;

import java.util.Map;

/**
 * Encodings of {@link TestTransactions#signed} produced by an independent implementation,
 * @ethereumjs/tx 10.1.3 ({@code createTx(fields, {common: Osaka}).sign(0x45..45).serialize()}).
 */
final class TestTransactionVectors {
  static final Map<TransactionType, byte[]> ETHEREUMJS_ENCODINGS =
      Map.of(
          TransactionType.ACCESS_LIST,
          hex(
              "01f8c80107843b9aca00830186a09435353535353535353535353535353535353535358203e884deadbeef"
                  + "f85bf859941111111111111111111111111111111111111111f842a0000000000000000000000000000000"
                  + "0000000000000000000000000000000001a0ffffffffffffffffffffffffffffffffffffffffffffffffff"
                  + "ffffffffffffff01a098efc0dc79ac6d9537f1cbac166128d551e8da1f3d2a9fb88f38853f6740a153a056"
                  + "b45edd1e488c87c2b35dcddf3edfff31dabb9f39a334c858df4b83ff5388b4"),
          TransactionType.EIP1559,
          hex(
              "02f8c901070284b2d05e00830186a09435353535353535353535353535353535353535358203e884deadbe"
                  + "eff85bf859941111111111111111111111111111111111111111f842a00000000000000000000000000000"
                  + "000000000000000000000000000000000001a0ffffffffffffffffffffffffffffffffffffffffffffffff"
                  + "ffffffffffffffff01a012e26c5c1d1f84b0bc0089d30553ddbc1ebfddcddf5859ca5ea45487962b9f07a0"
                  + "6fd9e055400b9a40bf1e59b5c0400ed5269598fde0b0808501472c31579d9056"),
          TransactionType.BLOB,
          hex(
              "03f8b201070284b2d05e00830186a09435353535353535353535353535353535353535358203e884deadbe"
                  + "efc005f842a001abababababababababababababababababababababababababababababababa001cdcdcd"
                  + "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd80a00f86bbdf87753cb0f1a519c557"
                  + "4c81b0b904c58ae5597578857dd1d6fe5eda64a009e76bd7d4a05564dffd2466fcf4d8e6c0ea6a1320a469"
                  + "db543f16b0e0dbb2c9"),
          TransactionType.SET_CODE,
          hex(
              "04f8bb01070284b2d05e00830186a09435353535353535353535353535353535353535358203e884deadbe"
                  + "efc0f84cf84a019422222222222222222222222222222222222222220801a0333333333333333333333333"
                  + "3333333333333333333333333333333333333333904444444444444444444444444444444401a0ad31474b"
                  + "dcb5693b717b114e33d57ea5ca3d826769c62c496aa465af733c79eca0660db4a7748c64c0f411d8fa9fc0"
                  + "29fc7e4873be57ffd8e43d9d6a5d2547e0f0"));

  private TestTransactionVectors() {}
}
