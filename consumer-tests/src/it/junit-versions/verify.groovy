// Both JUnit runs passed their two tests; only the first installed Prism (the second started it from
// the cache). Start times are printed, not asserted: on a loaded 2-core machine they say little.
def log = new File(basedir, 'build.log').text
def passed = log.findAll(/Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n/)
assert passed.size() == 2 : "expected two passing runs of 2 tests, got ${passed.size()}"

// The first run said, in one line, what it installs and where; the second had nothing to install.
def installs = log.findAll(/INFO: Installing Prism [0-9.]+ for the Coupontools mock with npm, once: about \d+ MB into .*prism-cache.*/)
assert installs.size() == 1 : "expected one install line, got ${installs}"

def starts = [junit5Version, junit6Version].collect { version ->
    new File(basedir, "target/mock-start-junit-${version}.txt").text.trim() as long
}
println "coupontools-mock start: ${starts[0]} ms on JUnit ${junit5Version}, ${starts[1]} ms on JUnit ${junit6Version} (from the cache)"
return true
