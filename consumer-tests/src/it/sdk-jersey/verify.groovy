// The Jersey test ran (not skipped), on Jersey's own connector, and the enforcer rules held.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('DependencyConvergence passed') && log.contains('RequireUpperBoundDeps passed')
return true
