// The two consumer tests wrote their pacts (surefire), then the good one passed the contract check
// and the bad one failed it with the expected message, asserted in the IT (failsafe).
def log = new File(basedir, 'build.log').text
def passed = log.findAll(/Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n/)
assert passed.size() == 2 : "expected surefire and failsafe to pass 2 tests each, got ${passed}"
assert new File(basedir, 'target/pacts/shop-checkout-coupontools-api.json').isFile()
assert new File(basedir, 'target/pacts-mismatch/shop-legacy-export-coupontools-api.json').isFile()
assert log.contains('The pact shop-legacy-export-coupontools-api.json does not match the Coupontools contract')
return true
