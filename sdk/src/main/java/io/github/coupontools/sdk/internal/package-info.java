/**
 * Internal machinery of the SDK: the invoker every generated service calls, the operation
 * descriptors, the transports, validation, retries and error classification. Public only so the
 * generated services and the client in other packages can reach it; not part of the supported
 * API, it may change in any release.
 */
package io.github.coupontools.sdk.internal;
