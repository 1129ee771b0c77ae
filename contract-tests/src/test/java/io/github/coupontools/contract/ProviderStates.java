package io.github.coupontools.contract;

/**
 * The provider states of the pacts, in business terms. The consumer tests name them; the provider
 * verification ({@link MockProviderVerificationIT}) realises each one against the mock. One
 * constant per fact, shared by both sides, so a state cannot drift by a typo.
 */
final class ProviderStates {

  private ProviderStates() {}

  // Account and credentials
  static final String CREDENTIALS_REJECTED = "the client secret revoked-client-secret is not valid";
  static final String ACTIVE_COUPON = "the account has one active coupon cam_123456";
  static final String NO_FOLDER_ARCHIVE = "the account has no folder named Archive";

  // Coupons
  static final String COUPON_EXISTS = "coupon cam_123456 exists";
  static final String COUPON_MISSING = "coupon cam_999999 does not exist";
  static final String TEMPLATE_EXISTS = "template coupon cam_123456 exists";
  static final String TEMPLATE_MISSING = "there is no template coupon cam_999999";

  // Coupon sessions
  static final String COUPON_HAS_SESSIONS = "coupon cam_123456 has sessions";
  static final String SESSION_EXISTS = "coupon session ac6s7u3g8a25ja7x9qg87 exists";
  static final String SESSION_MISSING = "coupon session nosuchsession00000000 does not exist";
  static final String SESSION_CLAIMED =
      "coupon session ac6s7u3g8a25ja7x9qg87 is claimed and not yet validated";
  static final String SESSION_ALREADY_VALIDATED =
      "coupon session ac6s7u3g8a25ja7x9qg87 is already validated";
  static final String SESSIONS_CLAIMED_FROM_SEQUENCE =
      "the sessions of coupon cam_123456 from sequence 1000000 on are claimed";
  static final String SESSIONS_ALREADY_VALIDATED_FROM_SEQUENCE =
      "some sessions of coupon cam_123456 from sequence 1000000 on are already validated";
  static final String SESSION_WITH_VALIDATION_CODE =
      "a session of coupon cam_12345 has the validation code 1020402010203040053";
  static final String NO_SESSION_FOR_EMAIL = "no coupon session was created for nobody@example.com";

  // Single-use URLs
  static final String SINGLE_USE_URL_EXISTS_FOR_EMAIL =
      "a single-use URL of coupon cam_123456 was already created for john@doe.com";
  static final String VALIDATION_CODES_EXHAUSTED =
      "coupon cam_123456 has run out of unique generated validation codes";

  // Distribution and notifications
  static final String EMAIL_INTEGRATION = "the account has an email marketing integration";
  static final String NO_EMAIL_INTEGRATION = "the account has no email marketing integration";
  static final String SMS_INTEGRATION = "the account has an SMS integration";
  static final String NO_SMS_INTEGRATION = "the account has no SMS integration";
  static final String WALLET_USERS = "users saved coupon cam_123456 in their mobile wallet";
  static final String NO_WALLET_USERS = "nobody saved coupon cam_123456 in a mobile wallet";
  static final String SESSION_IN_WALLET =
      "coupon session ac6s7u3g8a25ja7x9qg87 of coupon cam_12345 is saved in a mobile wallet";

  // SMS service
  static final String SMS_SERVICE_CONNECTED =
      "the account is connected to the Coupontools SMS service";
  static final String SMS_SERVICE_NOT_CONNECTED =
      "the account is not connected to the Coupontools SMS service";
  static final String TWO_SMS_GROUPS = "the account has two SMS groups";
  static final String SMS_GROUP_WITH_CONTACTS = "SMS group gro_123456 has two contacts";
  static final String SMS_GROUP_EXISTS = "SMS group gro_12345 exists";
  static final String SMS_GROUP_MISSING = "SMS group gro_999999 does not exist";

  // Email service
  static final String EMAIL_SERVICE_CONNECTED =
      "the account is connected to the Coupontools email service";
  static final String EMAIL_SERVICE_NOT_CONNECTED =
      "the account is not connected to the Coupontools email service";
  static final String TWO_EMAIL_GROUPS = "the account has two email groups";
  static final String EMAIL_GROUP_WITH_CONTACTS = "email group gro_12345 has two contacts";
  static final String EMAIL_GROUP_EXISTS = "email group gro_12345 exists";
  static final String EMAIL_GROUP_MISSING = "email group gro_999999 does not exist";

  // Webhooks
  static final String WEBHOOK_SENT = "webhook event evt_01234567890123456789 was sent";
  static final String WEBHOOK_UNKNOWN = "no webhook event evt_00000000000000000000 was sent";
  static final String WEBHOOK_V3_SENT = "webhook event evt_JsOKTu2rlzjZsxPaleUx was sent";

  // Account
  static final String SUBACCOUNT_EXISTS = "subaccount sub_1234 exists";
  static final String SUBACCOUNT_MISSING = "subaccount sub_9999 does not exist";
}
