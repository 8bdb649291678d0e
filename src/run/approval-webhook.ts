import type { ApprovalMessage } from '../otp/web-approval.ts';

/**
 * Tells an incoming webhook (Slack, Microsoft Teams, Discord) that a web approval waits: one POST of JSON with
 * `text` (Slack and Teams show it) and `content` (Discord), and the same facts as fields: the repository and the
 * run when the job is on GitHub Actions, what waits, the approval page and the deadline. A failed POST rejects;
 * the caller only warns.
 */
export function approvalWebhook(url: string, env: NodeJS.ProcessEnv): (message: ApprovalMessage) => Promise<void> {
  const repository = env.GITHUB_REPOSITORY;
  const runUrl =
    env.GITHUB_SERVER_URL && repository && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return async (message) => {
    const where = repository ? ` (${repository}${runUrl ? `, ${runUrl}` : ''})` : '';
    const text = `${message.text}${where}`;
    const body = {
      text,
      content: text,
      ...(repository ? { repository } : {}),
      ...(runUrl ? { runUrl } : {}),
      waiting: message.waiting,
      authUrl: message.authUrl,
      deadline: message.deadline,
    };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  };
}
