package io.nativerollups.evm.vm;

/** Holds the fixed properties every {@link Operation} reports. */
public abstract class AbstractOperation implements Operation {
  private final int opcode;
  private final String name;
  private final int stackInputs;
  private final int stackOutputs;
  private final long staticGas;

  protected AbstractOperation(int opcode, String name, int stackInputs, int stackOutputs, long staticGas) {
    this.opcode = opcode;
    this.name = name;
    this.stackInputs = stackInputs;
    this.stackOutputs = stackOutputs;
    this.staticGas = staticGas;
  }

  @Override
  public final int opcode() {
    return opcode;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int stackInputs() {
    return stackInputs;
  }

  @Override
  public final int stackOutputs() {
    return stackOutputs;
  }

  @Override
  public final long staticGas() {
    return staticGas;
  }
}
