package io.nativerollups.evmtool;

import io.nativerollups.evmtool.blocktest.BlockTestCommand;
import io.nativerollups.evmtool.run.RunCommand;
import io.nativerollups.evmtool.statetest.StateTestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code evmtool} command line: subcommands that run conformance fixtures and bytecode against
 * this EVM. Exit status: 0 success, 1 a test failed, 2 bad usage or bad input.
 */
@Command(
    name = "evmtool",
    mixinStandardHelpOptions = true,
    version = "evmtool 0.1.0",
    description = "Runs Ethereum conformance fixtures against this EVM.",
    subcommands = {StateTestCommand.class, RunCommand.class, BlockTestCommand.class, CommandLine.HelpCommand.class})
public final class EvmTool implements Runnable {
  /** Exit status for a usage error or unusable input. */
  public static final int USAGE_ERROR = 2;

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** A command line ready to execute, with the exit codes above. */
  public static CommandLine commandLine() {
    return new CommandLine(new EvmTool())
        .setExitCodeExceptionMapper(e -> USAGE_ERROR)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("evmtool: " + e);
          return USAGE_ERROR;
        });
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
