/** HTTP plumbing shared by the feed clients: timeouts, bounded 429 retries, typed failures, JSON reading. */
package io.greenscribe.carbon.http;
