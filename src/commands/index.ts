import { findCommand, type FlagSpec, splitFlags } from '../grammar/line.ts';
import { accessGetCommand, accessSetCommand } from './access.ts';
import type { Command } from './command.ts';
import { deprecateCommand } from './deprecate.ts';
import { doctorCommand } from './doctor.ts';
import { distTagAddCommand, distTagLsCommand, distTagRmCommand } from './dist-tag.ts';
import { ownerAddCommand, ownerLsCommand, ownerRmCommand } from './owner.ts';
import { publishLineCommand, stagePublishCommand } from './publish.ts';
import { stageApproveCommand, stageDownloadCommand, stageListCommand, stageRejectCommand, stageViewCommand } from './stage.ts';
import { trustCircleciCommand, trustGithubCommand, trustGitlabCommand, trustListCommand, trustRevokeCommand } from './trust.ts';
import { unpublishCommand } from './unpublish.ts';

/**
 * Every command, in the order help lists them. A new command is a file of its own exporting its Command, and
 * its entry here; the grammar, help, the CLI's flags and the runner read it from this list.
 */
export const COMMANDS: ReadonlyArray<Command<unknown>> = [
  publishLineCommand,
  distTagAddCommand,
  distTagRmCommand,
  distTagLsCommand,
  ownerAddCommand,
  ownerRmCommand,
  ownerLsCommand,
  accessSetCommand,
  accessGetCommand,
  deprecateCommand,
  unpublishCommand,
  trustGithubCommand,
  trustGitlabCommand,
  trustCircleciCommand,
  trustListCommand,
  trustRevokeCommand,
  stagePublishCommand,
  stageListCommand,
  stageViewCommand,
  stageDownloadCommand,
  stageApproveCommand,
  stageRejectCommand,
  doctorCommand,
];

/** Every flag any command takes (each name once): the CLI tells them from its own. */
export function commandFlags(commands: ReadonlyArray<Command<unknown>> = COMMANDS): FlagSpec[] {
  const byName = new Map<string, FlagSpec>();
  for (const command of commands) for (const flag of command.flags) if (!byName.has(flag.name)) byName.set(flag.name, flag);
  return [...byName.values()];
}

/** The commands `words` names: the one it names whole, or every command of its family (`dist-tag` gives add, rm and ls). */
export function commandsNamed(words: readonly string[], commands: ReadonlyArray<Command<unknown>> = COMMANDS): Array<Command<unknown>> {
  const positional = splitFlags(words, commandFlags(commands), () => new Error('')).positional;
  const one = findCommand(positional, commands);
  if (one) return [one];
  return commands.filter((command) => command.words[0] === positional[0]);
}

/** The usage of `commands`, one line each, with what each does and the flags it takes. */
export function commandHelp(commands: ReadonlyArray<Command<unknown>>): string {
  return commands
    .map((command) => {
      const flags = command.flags.map(
        (flag) => `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ' <value>' : flag.inlineValue ? '[=<value>]' : ''}`,
      );
      return `${command.usage.map((line) => `  ${line}`).join('\n')}\n      ${command.summary}${flags.length > 0 ? `\n      options: ${flags.join(', ')}` : ''}`;
    })
    .join('\n');
}
