import Foundation
import PackagePlugin

/// Lists the shell's commands for `CommandRegistry`: every type in `Sources/Shell/Commands/` that
/// conforms to `ShellCommand` goes into a generated `CommandList.swift`, so a new command is one
/// new file there and nothing else. The list is made again whenever a file of that folder changes.
@main
struct ShellCommandList: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let module = target as? SourceModuleTarget else { return [] }
    let commandFiles = module.sourceFiles(withSuffix: "swift").map(\.url).filter {
      $0.deletingLastPathComponent().lastPathComponent == "Commands"
    }
    .sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("CommandList.swift")
    return [
      .buildCommand(
        displayName: "Listing the shell's commands (\(commandFiles.count) files in Commands/)",
        executable: try context.tool(named: "ShellCommandScanner").url,
        arguments: [output.path] + commandFiles.map(\.path),
        inputFiles: commandFiles,
        outputFiles: [output])
    ]
  }
}
