package io.github.coupontools.sdk.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import java.util.Objects;

/**
 * What the invoker needs to know about one operation of the contract; generated into each
 * service from the spec, so a spec fact (such as {@code x-coupontools-read-only}, the parameters
 * or the security requirement) is never copied into hand-written code.
 *
 * @param <Q> the request model ({@link Void} when the request body is always empty or absent)
 * @param <R> the response model
 */
public final class Operation<Q, R> {

  /** How the request body is sent. */
  public enum Body {
    /** The request model as JSON. */
    MODEL,
    /** Always the empty JSON object {@code {}} (a v3 call without parameters). */
    EMPTY_OBJECT,
    /** No body at all (the v4 {@code GET}, {@code DELETE} and body-less {@code POST}). */
    NONE
  }

  /** A path or query parameter, in the order the service method takes them. */
  public static final class Parameter {
    private final String name;
    private final boolean inPath;
    private final boolean required;
    private final boolean deepObject;

    public Parameter(String name, boolean inPath, boolean required, boolean deepObject) {
      this.name = Objects.requireNonNull(name, "name");
      this.inPath = inPath;
      this.required = required;
      this.deepObject = deepObject;
    }

    /** The name in the contract: the {@code {name}} of the path, or the query key. */
    public String name() {
      return name;
    }

    public boolean inPath() {
      return inPath;
    }

    public boolean required() {
      return required;
    }

    /** An object sent as {@code name[key]=value} query pairs (OpenAPI {@code style: deepObject}). */
    public boolean deepObject() {
      return deepObject;
    }
  }

  /** A credential header of the operation's security requirement. */
  public static final class Credential {
    private final String header;
    private final boolean secret;

    public Credential(String header, boolean secret) {
      this.header = Objects.requireNonNull(header, "header");
      this.secret = secret;
    }

    /** The header name, for example {@code X-Client-Id} or {@code x-api-secret}. */
    public String header() {
      return header;
    }

    /** Whether it carries the client secret ({@code x-coupontools-secret}), else the client ID. */
    public boolean secret() {
      return secret;
    }
  }

  private static final List<Credential> CLIENT_HEADERS = List.of(
      new Credential("X-Client-Id", false), new Credential("X-Client-Secret", true));

  private final String operationId;
  private final String method;
  private final String path;
  private final boolean readOnly;
  private final boolean idempotent;
  private final Body body;
  private final List<Parameter> parameters;
  private final List<Credential> credentials;
  private final JavaType responseType;
  private final boolean enveloped;

  /** A v3 operation: POST, JSON body, the status envelope, the {@code X-Client-*} headers. */
  public Operation(String operationId, String method, String path, boolean readOnly,
      boolean emptyBody, Class<R> responseType) {
    this(operationId, method, path, readOnly, false,
        emptyBody ? Body.EMPTY_OBJECT : Body.MODEL, new Parameter[0],
        CLIENT_HEADERS.toArray(new Credential[0]),
        TypeFactory.defaultInstance().constructType(responseType));
  }

  /**
   * Any operation.
   *
   * @param idempotent the contract's {@code x-coupontools-idempotent}: repeating it leaves the
   *     same state, so it may be sent again like a read
   * @param parameters the path and query parameters, in the order of the service method
   * @param credentials the headers of the operation's security requirement
   * @param responseType the answer, for example {@code new TypeReference<List<V4LoyaltyCard>>() {}}
   */
  public Operation(String operationId, String method, String path, boolean readOnly,
      boolean idempotent, Body body, Parameter[] parameters, Credential[] credentials,
      TypeReference<R> responseType) {
    this(operationId, method, path, readOnly, idempotent, body, parameters, credentials,
        TypeFactory.defaultInstance().constructType(responseType));
  }

  private Operation(String operationId, String method, String path, boolean readOnly,
      boolean idempotent, Body body, Parameter[] parameters, Credential[] credentials,
      JavaType responseType) {
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.readOnly = readOnly;
    this.idempotent = idempotent;
    this.body = Objects.requireNonNull(body, "body");
    this.parameters = List.of(parameters);
    this.credentials = credentials.length == 0 ? CLIENT_HEADERS : List.of(credentials);
    this.responseType = Objects.requireNonNull(responseType, "responseType");
    this.enveloped = StatusEnvelope.class.isAssignableFrom(responseType.getRawClass());
  }

  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  /** Path template below the base URL, for example {@code /v4/directory/{id}}. */
  public String path() {
    return path;
  }

  /** The contract's {@code x-coupontools-read-only}: safe to send again after any failure. */
  public boolean readOnly() {
    return readOnly;
  }

  /** The contract's {@code x-coupontools-idempotent}: sending it twice leaves the same state. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Whether a failed attempt may be sent again even if it may have reached the server. */
  public boolean safeToResend() {
    return readOnly || idempotent;
  }

  /** The request body is always the empty JSON object. */
  public boolean emptyBody() {
    return body == Body.EMPTY_OBJECT;
  }

  public Body body() {
    return body;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public List<Credential> credentials() {
    return credentials;
  }

  public JavaType responseType() {
    return responseType;
  }

  /**
   * Whether the answer carries the status envelope: its model implements {@link StatusEnvelope}
   * (the contract's {@code x-implements}). The v4 REST answers are bare JSON instead.
   */
  public boolean enveloped() {
    return enveloped;
  }

  @Override
  public String toString() {
    return operationId + " (" + method + " " + path + (readOnly ? ", read-only" : "")
        + (idempotent ? ", idempotent" : "") + ")";
  }
}
