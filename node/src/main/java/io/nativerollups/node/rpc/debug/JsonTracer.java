package io.nativerollups.node.rpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.nativerollups.evm.tracing.OperationTracer;

/** A tracer that watches one transaction and answers what it saw as the debug_trace* result. */
interface JsonTracer extends OperationTracer {
  /** The trace of the transaction it watched. */
  JsonNode result();
}
