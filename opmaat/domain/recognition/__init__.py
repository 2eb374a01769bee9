"""Recognition of prior learning: pre-scan estimates, intake advice, the EVC procedure."""
