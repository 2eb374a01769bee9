"""The employer's workforce: functiehuis, deployability per certificate and act, shift
coverage, training demand and job carving (issue 16). docs/workforce.md gives the rules."""
