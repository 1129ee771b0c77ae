package io.github.coupontools.sdk.internal;

import java.util.function.Supplier;

/** A value made on first use, once, by whichever thread asks first. */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> make;
  private volatile T made;

  public Lazy(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T value = made;
    if (value == null) {
      synchronized (this) {
        value = made;
        if (value == null) {
          value = make.get();
          made = value;
        }
      }
    }
    return value;
  }
}
