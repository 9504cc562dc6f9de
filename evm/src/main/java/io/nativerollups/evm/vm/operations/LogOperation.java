package io.nativerollups.evm.vm.operations;

import io.nativerollups.evm.gas.GasCalculator;
import io.nativerollups.evm.vm.AbstractOperation;
import io.nativerollups.evm.vm.Log;
import io.nativerollups.evm.vm.MessageFrame;
import java.util.ArrayList;
import java.util.List;

/** LOG0..LOG4: emits a log with a memory region as data and n topics; not allowed in a static context. */
public final class LogOperation extends AbstractOperation {
  private final int topicCount;
  private final GasCalculator gasCalculator;

  public LogOperation(GasCalculator gasCalculator, int topicCount) {
    super(0xa0 + topicCount, "LOG" + topicCount, 2 + topicCount, 0,
        gasCalculator.logGasCost() + gasCalculator.logTopicGasCost() * topicCount);
    this.topicCount = topicCount;
    this.gasCalculator = gasCalculator;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt("LOG in static context");
      return 0;
    }
    long offset = frame.popClamped();
    long size = frame.popClamped();
    if (!frame.expandMemory(offset, size)
        || !frame.consumeGas(gasCalculator.logDataByteGasCost() * size)) {
      return 0;
    }
    List<byte[]> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) {
      byte[] topic = new byte[32];
      frame.writeWord(frame.base(0), topic, 0);
      frame.sp--;
      topics.add(topic);
    }
    frame.context().addLog(new Log(frame.recipient(), topics, frame.readMemory(offset, size)));
    return 1;
  }
}
