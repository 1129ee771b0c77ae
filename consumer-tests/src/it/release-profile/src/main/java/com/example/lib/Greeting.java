package com.example.lib;

/** Something to compile, document and package. */
public final class Greeting {

  private Greeting() {}

  /** Returns a greeting. */
  public static String hello() {
    return "hello";
  }
}
