"""The workforce app's files, read and written with opmaat.tabular (docs/formats/workforce.md):
the functiehuis as a workbook, the roster from a roster system, the deployability export
for roster systems, the coverage heatmap and the training demand."""
