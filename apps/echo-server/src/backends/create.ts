// The supervisor for the configured backends, or null when none is asked for (`--backends`, default none).
import type { EchoConfig } from '../config';
import type { Logger } from '../log';
import { nginxVersion } from '@cors-playground/middleware-check/backends';
import { BackendSupervisor } from './supervisor';

export function createSupervisor(config: EchoConfig, logger: Logger): BackendSupervisor | null {
  let frameworks = config.backends.frameworks;
  if (config.backends.nginxIfInstalled && frameworks.includes('nginx') && !nginxVersion()) {
    logger.log('info', 'nginx is not installed: the real nginx backend is off', {});
    frameworks = frameworks.filter((framework) => framework !== 'nginx');
  }
  if (frameworks.length === 0) return null;
  return new BackendSupervisor({ frameworks, timeoutMs: config.backends.timeoutMs, maxRssMiB: config.backends.maxRssMiB, maxBodyBytes: config.limits.maxAnswerBodyBytes });
}
