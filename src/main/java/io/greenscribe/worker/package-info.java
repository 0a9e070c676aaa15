/** Running claimed jobs and what follows them: completion webhooks, their egress policy and delivery log. */
package io.greenscribe.worker;
