/** API keys (stored hashed) mapped to tenants, the admin role, and the HTTP security chain. */
package io.greenscribe.system.security;
