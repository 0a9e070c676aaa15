/** Completion webhooks: where they may go (egress policy), signing, sending with retries, and the delivery log. */
package io.greenscribe.webhook;
