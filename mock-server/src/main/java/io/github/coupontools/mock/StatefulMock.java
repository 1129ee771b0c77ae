package io.github.coupontools.mock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link CouponToolsMockExtension} for the stateful {@link CouponToolsSimulator} instead of
 * the stateless mock: test methods then receive the simulator (or its base URL as a {@code URI}),
 * its state is reset to the contract's example account before each test, and a test after which
 * the simulator served a response that does not validate against the contract fails.
 *
 * <pre>{@code
 * @ExtendWith(CouponToolsMockExtension.class)
 * @StatefulMock
 * class TillTest {
 *   @Test
 *   void refusesASecondValidation(CouponToolsSimulator simulator) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StatefulMock {

  /** Seed of the generated IDs and codes; the state is reset with it before each test. */
  long seed() default CouponToolsSimulator.DEFAULT_SEED;
}
