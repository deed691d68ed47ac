// The build failed at the error's file, line and column, with the CLI's message, and wrote nothing for it.
def log = new File(basedir, 'build.log').text
assert log =~ /broken\.snn:8:\d+: error: .*/ : 'no path:line:col error in the log'
assert log =~ /broken\.snn \[8:51\]: unit mismatch/ : 'the error did not reach the build context (IDE markers)'
assert log.contains('BUILD FAILURE')
assert log.contains('0 compiled, 0 up to date, 1 failed')
assert !new File(basedir, 'target/myelin-state/spinnaker1/broken.state').exists()
return true
