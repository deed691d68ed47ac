// Both targets' outputs are there, and both verified against the integer engine.
def out = new File(basedir, 'target/generated-sources/myelin')
assert new File(out, 'fpga/chain/rtl').listFiles().any { it.name.endsWith('.v') } : 'no Verilog under fpga/chain/rtl'
assert new File(out, 'fpga/chain/report.txt').isFile()
assert new File(out, 'spinnaker1/chain/image/manifest.json').isFile() : 'no machine image under spinnaker1/chain/image'
def log = new File(basedir, 'build.log').text
assert log.contains('myelin: 2 compiled, 0 up to date')
assert log =~ /chain\.snn on fpga, 50 steps: verified: the RTL under verilator's spikes equal the integer engine's/
assert log =~ /chain\.snn on spinnaker1, 50 steps: verified: the machine executor's spikes equal the integer engine's \([0-9.]+ s\); quantization loss [0-9.e+-]+/
return true
