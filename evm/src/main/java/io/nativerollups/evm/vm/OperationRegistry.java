package io.nativerollups.evm.vm;

import io.nativerollups.evm.fork.Fork;
import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.operations.AddModOperation;
import io.nativerollups.evm.vm.operations.AddOperation;
import io.nativerollups.evm.vm.operations.AddressOperation;
import io.nativerollups.evm.vm.operations.AndOperation;
import io.nativerollups.evm.vm.operations.BalanceOperation;
import io.nativerollups.evm.vm.operations.BaseFeeOperation;
import io.nativerollups.evm.vm.operations.BlobBaseFeeOperation;
import io.nativerollups.evm.vm.operations.BlobHashOperation;
import io.nativerollups.evm.vm.operations.BlockHashOperation;
import io.nativerollups.evm.vm.operations.ByteOperation;
import io.nativerollups.evm.vm.operations.CallCodeOperation;
import io.nativerollups.evm.vm.operations.CallDataCopyOperation;
import io.nativerollups.evm.vm.operations.CallDataLoadOperation;
import io.nativerollups.evm.vm.operations.CallDataSizeOperation;
import io.nativerollups.evm.vm.operations.CallOperation;
import io.nativerollups.evm.vm.operations.CallValueOperation;
import io.nativerollups.evm.vm.operations.CallerOperation;
import io.nativerollups.evm.vm.operations.ChainIdOperation;
import io.nativerollups.evm.vm.operations.ClzOperation;
import io.nativerollups.evm.vm.operations.CodeCopyOperation;
import io.nativerollups.evm.vm.operations.CodeSizeOperation;
import io.nativerollups.evm.vm.operations.CoinbaseOperation;
import io.nativerollups.evm.vm.operations.Create2Operation;
import io.nativerollups.evm.vm.operations.CreateOperation;
import io.nativerollups.evm.vm.operations.DelegateCallOperation;
import io.nativerollups.evm.vm.operations.DivOperation;
import io.nativerollups.evm.vm.operations.DupOperation;
import io.nativerollups.evm.vm.operations.EqOperation;
import io.nativerollups.evm.vm.operations.ExpOperation;
import io.nativerollups.evm.vm.operations.ExtCodeCopyOperation;
import io.nativerollups.evm.vm.operations.ExtCodeHashOperation;
import io.nativerollups.evm.vm.operations.ExtCodeSizeOperation;
import io.nativerollups.evm.vm.operations.GasLimitOperation;
import io.nativerollups.evm.vm.operations.GasOperation;
import io.nativerollups.evm.vm.operations.GasPriceOperation;
import io.nativerollups.evm.vm.operations.GtOperation;
import io.nativerollups.evm.vm.operations.InvalidOperation;
import io.nativerollups.evm.vm.operations.IsZeroOperation;
import io.nativerollups.evm.vm.operations.JumpDestOperation;
import io.nativerollups.evm.vm.operations.JumpOperation;
import io.nativerollups.evm.vm.operations.JumpiOperation;
import io.nativerollups.evm.vm.operations.Keccak256Operation;
import io.nativerollups.evm.vm.operations.LogOperation;
import io.nativerollups.evm.vm.operations.LtOperation;
import io.nativerollups.evm.vm.operations.MCopyOperation;
import io.nativerollups.evm.vm.operations.MLoadOperation;
import io.nativerollups.evm.vm.operations.MSizeOperation;
import io.nativerollups.evm.vm.operations.MStore8Operation;
import io.nativerollups.evm.vm.operations.MStoreOperation;
import io.nativerollups.evm.vm.operations.ModOperation;
import io.nativerollups.evm.vm.operations.MulModOperation;
import io.nativerollups.evm.vm.operations.MulOperation;
import io.nativerollups.evm.vm.operations.NotOperation;
import io.nativerollups.evm.vm.operations.NumberOperation;
import io.nativerollups.evm.vm.operations.OrOperation;
import io.nativerollups.evm.vm.operations.OriginOperation;
import io.nativerollups.evm.vm.operations.PcOperation;
import io.nativerollups.evm.vm.operations.PopOperation;
import io.nativerollups.evm.vm.operations.PrevRandaoOperation;
import io.nativerollups.evm.vm.operations.Push0Operation;
import io.nativerollups.evm.vm.operations.PushOperation;
import io.nativerollups.evm.vm.operations.ReturnDataCopyOperation;
import io.nativerollups.evm.vm.operations.ReturnDataSizeOperation;
import io.nativerollups.evm.vm.operations.ReturnOperation;
import io.nativerollups.evm.vm.operations.RevertOperation;
import io.nativerollups.evm.vm.operations.SDivOperation;
import io.nativerollups.evm.vm.operations.SLoadOperation;
import io.nativerollups.evm.vm.operations.SModOperation;
import io.nativerollups.evm.vm.operations.SStoreOperation;
import io.nativerollups.evm.vm.operations.SarOperation;
import io.nativerollups.evm.vm.operations.SelfBalanceOperation;
import io.nativerollups.evm.vm.operations.SelfDestructOperation;
import io.nativerollups.evm.vm.operations.SgtOperation;
import io.nativerollups.evm.vm.operations.ShlOperation;
import io.nativerollups.evm.vm.operations.ShrOperation;
import io.nativerollups.evm.vm.operations.SignExtendOperation;
import io.nativerollups.evm.vm.operations.SltOperation;
import io.nativerollups.evm.vm.operations.StaticCallOperation;
import io.nativerollups.evm.vm.operations.StopOperation;
import io.nativerollups.evm.vm.operations.SubOperation;
import io.nativerollups.evm.vm.operations.SwapOperation;
import io.nativerollups.evm.vm.operations.TLoadOperation;
import io.nativerollups.evm.vm.operations.TStoreOperation;
import io.nativerollups.evm.vm.operations.TimestampOperation;
import io.nativerollups.evm.vm.operations.XorOperation;
import java.util.Arrays;

/**
 * Builds the 256-entry operation table of each fork: a fork starts from the previous fork's
 * table and overrides what it changes. Unassigned opcodes are {@link InvalidOperation}.
 */
public final class OperationRegistry {
  private OperationRegistry() {}

  /** The operation table of {@code fork}, priced by {@code gas}. */
  public static Operation[] forFork(Fork fork, GasCalculator gas) {
    return switch (fork) {
      case CANCUN -> cancun(gas);
      case PRAGUE -> prague(gas);
      case OSAKA -> osaka(gas);
    };
  }

  /** Cancun: every opcode up to EIP-1153, EIP-5656, EIP-4844 and EIP-7516. */
  public static Operation[] cancun(GasCalculator gas) {
    Operation[] ops = new Operation[256];
    Operation invalid = new InvalidOperation(gas);
    Arrays.fill(ops, invalid);
    register(ops,
        new StopOperation(gas), new AddOperation(gas), new MulOperation(gas), new SubOperation(gas),
        new DivOperation(gas), new SDivOperation(gas), new ModOperation(gas), new SModOperation(gas),
        new AddModOperation(gas), new MulModOperation(gas), new ExpOperation(gas), new SignExtendOperation(gas),
        new LtOperation(gas), new GtOperation(gas), new SltOperation(gas), new SgtOperation(gas),
        new EqOperation(gas), new IsZeroOperation(gas), new AndOperation(gas), new OrOperation(gas),
        new XorOperation(gas), new NotOperation(gas), new ByteOperation(gas), new ShlOperation(gas),
        new ShrOperation(gas), new SarOperation(gas),
        new Keccak256Operation(gas),
        new AddressOperation(gas), new BalanceOperation(gas), new OriginOperation(gas), new CallerOperation(gas),
        new CallValueOperation(gas), new CallDataLoadOperation(gas), new CallDataSizeOperation(gas),
        new CallDataCopyOperation(gas), new CodeSizeOperation(gas), new CodeCopyOperation(gas),
        new GasPriceOperation(gas), new ExtCodeSizeOperation(gas), new ExtCodeCopyOperation(gas),
        new ReturnDataSizeOperation(gas), new ReturnDataCopyOperation(gas), new ExtCodeHashOperation(gas),
        new BlockHashOperation(gas), new CoinbaseOperation(gas), new TimestampOperation(gas),
        new NumberOperation(gas), new PrevRandaoOperation(gas), new GasLimitOperation(gas),
        new ChainIdOperation(gas), new SelfBalanceOperation(gas), new BaseFeeOperation(gas),
        new BlobHashOperation(gas), new BlobBaseFeeOperation(gas),
        new PopOperation(gas), new MLoadOperation(gas), new MStoreOperation(gas), new MStore8Operation(gas),
        new SLoadOperation(gas), new SStoreOperation(gas), new JumpOperation(gas), new JumpiOperation(gas),
        new PcOperation(gas), new MSizeOperation(gas), new GasOperation(gas), new JumpDestOperation(gas),
        new TLoadOperation(gas), new TStoreOperation(gas), new MCopyOperation(gas), new Push0Operation(gas),
        new CreateOperation(gas), new CallOperation(gas), new CallCodeOperation(gas), new ReturnOperation(gas),
        new DelegateCallOperation(gas), new Create2Operation(gas), new StaticCallOperation(gas),
        new RevertOperation(gas), invalid, new SelfDestructOperation(gas));
    for (int n = 1; n <= 32; n++) {
      register(ops, new PushOperation(gas, n));
    }
    for (int n = 1; n <= 16; n++) {
      register(ops, new DupOperation(gas, n), new SwapOperation(gas, n));
    }
    for (int n = 0; n <= 4; n++) {
      register(ops, new LogOperation(gas, n));
    }
    return ops;
  }

  /** Prague adds no opcodes (EIP-7702 changes what calls execute, not the table). */
  public static Operation[] prague(GasCalculator gas) {
    return cancun(gas);
  }

  /** Osaka: adds CLZ (EIP-7939). */
  public static Operation[] osaka(GasCalculator gas) {
    Operation[] ops = prague(gas);
    register(ops, new ClzOperation(gas));
    return ops;
  }

  private static void register(Operation[] ops, Operation... toAdd) {
    for (Operation op : toAdd) {
      ops[op.opcode()] = op;
    }
  }
}
